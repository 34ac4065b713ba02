// FlowReport: run records and mail feedback → metrics, A/B statistics, reports and diagrams.
