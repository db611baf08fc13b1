/// Benchmarks of this area; see the issue that names their targets.
func printingBenchmarks() async throws -> [BenchFigure] { [] }
