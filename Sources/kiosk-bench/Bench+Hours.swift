/// Benchmarks of this area; see the issue that names their targets.
func hoursBenchmarks() async throws -> [BenchFigure] { [] }
