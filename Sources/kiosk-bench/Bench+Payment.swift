/// Benchmarks of this area; see the issue that names their targets.
func paymentBenchmarks() async throws -> [BenchFigure] { [] }
