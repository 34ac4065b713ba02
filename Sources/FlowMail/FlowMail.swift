// FlowMail: placeholder until its stage lands.
