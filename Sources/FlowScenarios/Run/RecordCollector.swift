import FlowRuntime

/// Keeps every record of a scenario's replay, in the order the replay made them.
final class RecordCollector: RunRecordSink {
    private(set) var records: [RunRecord] = []

    func receive(_ record: consuming RunRecord) {
        records.append(record)
    }
}
