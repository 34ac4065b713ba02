// Placeholder so the target builds until the SMTP transport lands.
