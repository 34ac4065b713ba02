import Testing
@testable import FlowSMTP
