// Tests for FlowReport arrive with its first stage.
