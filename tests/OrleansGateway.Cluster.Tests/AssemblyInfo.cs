// Each cluster test class runs five processes with one-second failure detection; two such
// clusters sharing two cores starve each other's liveness probes, so classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
