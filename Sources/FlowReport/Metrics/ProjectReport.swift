import FlowRuntime

/// The analytics of one replayed log: per flow, per send step, per A/B variant and per split.
public struct ProjectReport: Sendable {
    /// The last-touch attribution window, milliseconds.
    public var attributionWindow: Int64
    /// Flows in id order.
    public var flows: [FlowMetrics]
    /// All messages of all flows.
    public var totals: MailCounts
    /// Mail feedback events whose `properties.email_id` names no message of the replay.
    public var unmatchedFeedback: Int
}

/// One flow's funnel and mail metrics.
public struct FlowMetrics: Sendable {
    public var id: String
    public var entered = 0
    /// Instances ended, by reason.
    public var ended: [EndReason: Int] = [:]
    /// Skip records by reason, entry refusals (`step: null`) included.
    public var skips: [String: Int] = [:]
    public var mail = MailCounts()
    /// Send steps in flow order.
    public var steps: [StepMetrics] = []
    /// Split steps in flow order.
    public var splits: [SplitMetrics] = []
    /// Sends per UTC day (`YYYY-MM-DD`), in date order.
    public var dailySends: [DailySends] = []

    public var completed: Int { ended[.completed] ?? 0 }
    public var converted: Int { ended[.converted] ?? 0 }
    public var exited: Int { ended[.exited] ?? 0 }
}

/// Sends of one UTC day.
public struct DailySends: Sendable, Equatable {
    public var day: String
    public var sends: Int
}

/// One send step: its mail metrics, skips and, for an A/B step, its variants compared.
public struct StepMetrics: Sendable {
    /// The step id, `#N` when unnamed.
    public var step: String
    public var mail = MailCounts()
    public var skips: [String: Int] = [:]
    /// A/B variants in listed order; empty for a plain send.
    public var variants: [VariantMetrics] = []
    /// Each variant after the first against the first, on open, click and conversion rate.
    public var comparisons: [Comparison] = []
}

/// One A/B variant (template) of a send step.
public struct VariantMetrics: Sendable {
    public var template: String
    public var weight: Int
    public var mail = MailCounts()
}

/// One split step: entries by option, conversions after entry, and the comparison of options.
public struct SplitMetrics: Sendable {
    public var step: String
    public var options: [SplitOption]
    /// Against the holdout (an option whose `goto` is `end`) when there is one, else against the
    /// first option: conversion rate, i.e. the lift with its interval.
    public var comparisons: [Comparison] = []
}

/// One option of a split. Entries are assigned by the split's bucket (spec 4.7).
public struct SplitOption: Sendable {
    /// The `goto` target's step id, or `end`.
    public var target: String
    public var weight: Int
    /// The option's `goto` is `end`: its contacts get no further mail.
    public var isHoldout: Bool
    /// Entries into the flow whose contact the bucket assigns to this option.
    public var entered = 0
    /// Of those, entries followed by the flow's goal event within the attribution window.
    public var converted = 0

    public var conversionRate: Rate { Rate(converted, entered, of: "entered") }
}
