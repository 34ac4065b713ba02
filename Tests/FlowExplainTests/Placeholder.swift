import Testing
@testable import FlowExplain
