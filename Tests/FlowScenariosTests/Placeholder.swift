import Testing
@testable import FlowScenarios
