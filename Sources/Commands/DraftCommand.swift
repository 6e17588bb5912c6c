import ArgumentParser
import DataCatalog
import Draft
import Foundation
import Gazetteer
import PosixBindings

/// `geobrief draft`: news articles in, a scenario out, every item traced to its sentence.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft a scenario from news articles: places, figures with their sources and dates, movements, events.",
        discussion: """
        Reads plain text, Markdown or HTML (or - for standard input). Every item of the scenario \
        written is under a comment quoting its sentence, with the file, character offsets and a \
        confidence; names the gazetteer cannot settle are `unlocated` with their candidates. \
        --json prints the whole extraction instead, with what was left out and why. \
        Example: geobrief draft article.txt --date 2024-10-23 -o story.yaml
        """)

    @Argument(help: "Article files (text, Markdown or HTML), or - for standard input.") var articles: [String]
    @Option(help: "The publication date, YYYY-MM-DD (default: stated in the article, or its latest date).") var date: String?
    @Option(help: "The publisher of the articles, for the sources' titles.") var sourceName: String?
    @Option(help: "The articles' language: \(Drafter.languages.joined(separator: ", ")) (how dates and numbers are written).") var language = "en"
    @Option(name: .shortAndLong, help: "Where to write the scenario (default: standard output).") var output: String?
    @Flag(help: "Print the whole extraction as JSON.") var json = false

    /// Articles at most per draft.
    static let maxArticles = 50

    func validate() throws {
        guard !articles.isEmpty else { throw ValidationError("give at least one article file (or - for standard input)") }
        guard articles.count <= Self.maxArticles else { throw ValidationError("\(articles.count) articles: at most \(Self.maxArticles) a draft") }
        guard Drafter.languages.contains(language) else {
            throw ValidationError("--language '\(language)': expected one of \(Drafter.languages.joined(separator: ", "))")
        }
        guard articles.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read once") }
    }

    func run() throws {
        let read: [Article]
        do { read = try articles.map(Article.read) } catch let e as DraftError {
            FileHandle.standardError.write(Data("error: \(e)\n".utf8))
            throw ExitCode(1)
        }
        let drafter = Drafter(gazetteer: try Gazetteer(data: try DataDirectory.locate()))
        let result: DraftResult
        do {
            result = try drafter.draft(read, options: Drafter.Options(date: date, sourceName: sourceName, language: language))
        } catch let e as DraftError {
            FileHandle.standardError.write(Data("error: \(e)\n".utf8))
            throw ExitCode(1)
        }
        let bytes = json ? try DraftWriter.json(result) + Data("\n".utf8) : Data(DraftWriter.yaml(result, articles: articles).utf8)
        if let output {
            try AtomicFile.write(bytes, to: output)
            let located = result.places.filter { $0.located && $0.role == .place }.count
            let unlocated = result.places.filter { !$0.located }.count
            FileHandle.standardError.write(Data("""
                wrote \(output): \(located) places located, \(unlocated) unlocated, \(result.figures.count) figures, \
                \(result.sources.count) sources, \(result.routes.count) routes, \(result.events.count) events

                """.utf8))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
