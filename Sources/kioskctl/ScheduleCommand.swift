import ArgumentParser
import Foundation
import KioskCore

/// `kioskctl schedule …`: evaluates opening-hours rules offline.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Evaluate opening-hours rules (offline).",
        subcommands: [ScheduleEvalCommand.self]
    )
}

/// `kioskctl schedule eval`: open or closed at an instant, and the next change.
struct ScheduleEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Print whether RULE is open at a local (Asia/Seoul) time, and when that next changes.",
        discussion: """
            The next change is the first instant within 366 days where the state differs, or none.
            --holidays replaces the built-in Korean calendar (an empty value means no holidays).
            --batch reads one JSON object per line on stdin: {"rule": …, "at": "YYYY-MM-DDTHH:MM", \
            "holidays": ["YYYY-MM-DD", …]} (holidays optional) and writes one line per input: \
            {"open": true|false, "nextChange": "YYYY-MM-DDTHH:MM"|null}, or {"error": "…"} for a bad line \
            (the exit code is then 1).
            """
    )

    @Option(help: "The rule in opening_hours syntax, e.g. \"Mo-Fr 09:00-18:00; PH off\".")
    var rule: String?

    @Option(help: "Local time YYYY-MM-DDTHH:MM[:SS] in Asia/Seoul.")
    var at: String?

    @Option(help: "Comma-separated holiday dates YYYY-MM-DD replacing the built-in calendar.")
    var holidays: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Read JSON lines on stdin and answer one JSON line each.")
    var batch = false

    func validate() throws {
        if batch {
            guard rule == nil, at == nil, holidays == nil else {
                throw ValidationError("--batch takes its rules from stdin; do not combine it with --rule, --at or --holidays")
            }
        } else {
            guard rule != nil else { throw ValidationError("missing --rule") }
            guard at != nil else { throw ValidationError("missing --at") }
        }
    }

    func run() throws {
        if batch {
            try runBatch()
            return
        }
        let calendar: HolidayCalendar
        do {
            calendar = try holidays.map { try ScheduleEvaluation.calendar(list: $0) } ?? .korean
        } catch {
            throw ValidationError("--holidays: \(error)")
        }
        let answer: ScheduleEvaluation.Answer
        do {
            answer = try ScheduleEvaluation.evaluate(rule: rule!, at: at!, calendar: calendar)
        } catch {
            throw ValidationError("\(error)")
        }
        if json {
            print(answer.jsonLine)
        } else {
            print(answer.open ? "open" : "closed")
            print("next change: \(answer.nextChange ?? "none within 366 days")")
        }
    }

    private func runBatch() throws {
        var failed = false
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                print(try ScheduleEvaluation.evaluate(jsonLine: line).jsonLine)
            } catch {
                failed = true
                print(ScheduleEvaluation.errorLine("\(error)"))
            }
        }
        if failed { throw ExitCode.operationFailed }
    }
}
