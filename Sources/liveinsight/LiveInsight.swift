import ArgumentParser

/// The `liveinsight` command: parses arguments and hands work to the library targets.
@main
struct LiveInsight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveinsight",
        abstract: "Turn recorded Korean live-commerce broadcasts into sales insight.",
        version: "0.1.0",
        subcommands: [
            Info.self,
            Features.self,
            Transcribe.self,
            Simulate.self,
            Compose.self,
            Align.self,
            Mentions.self,
            Validate.self,
            Run.self,
            Status.self,
            Watch.self,
            Submit.self,
            Worker.self,
            Queue.self,
            CatalogCommand.self,
            Serve.self,
            ReportCommand.self,
            Reviews.self,
            Orders.self,
            Customers.self,
            Recommend.self,
            Users.self,
            CatchphrasesCommand.self,
        ])
}
