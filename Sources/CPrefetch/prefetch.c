// CPrefetch is header-only (`flowc_prefetch` is inlined into its Swift callers); SwiftPM wants
// a source file in every C target.
