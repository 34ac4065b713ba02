// FlowIR: placeholder until its stage lands.
