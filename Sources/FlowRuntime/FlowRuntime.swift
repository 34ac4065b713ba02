// FlowRuntime: placeholder until its stage lands.
