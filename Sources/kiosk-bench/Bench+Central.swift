/// Benchmarks of this area; see the issue that names their targets.
func centralBenchmarks() async throws -> [BenchFigure] { [] }
