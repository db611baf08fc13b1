/// Benchmarks of this area; see the issue that names their targets.
func ledgerBenchmarks() async throws -> [BenchFigure] { [] }
