// FlowCheck: rules and renderers over the diagnostics model.
