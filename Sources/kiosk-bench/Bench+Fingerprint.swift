/// Benchmarks of this area; see the issue that names their targets.
func fingerprintBenchmarks() async throws -> [BenchFigure] { [] }
