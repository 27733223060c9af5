import Catalog
import Checkpoints
import Foundation
import Validation

/// `validation`: when a reference transcript came with the recording (`<name>.ref.txt`), scores the
/// transcript against it (CER, WER, S/D/I, aligned errors) into `validation.json`; the corpus figures go
/// into the catalog (`validation_results`) for the dashboard.
struct ValidationStage: Stage, CatalogFigures {
    let name = "validation"
    let version = "2"  // 2: an empty reference fails instead of scoring 0 %
    let inputs: [StageInput] = [.stage("transcript"), .user(.reference, required: true)]
    let outputs = [CheckpointFile.validation.name]

    func run(_ context: StageContext) throws {
        guard let referencePath = context.userInput(.reference) else { return }
        let loader = TranscriptLoader()
        let report = TranscriptValidator.validate(
            reference: try loader.load(referencePath),
            hypothesis: try loader.load(context.path(CheckpointFile.transcript.name)))
        // An empty reference would record CER 0 % in the catalog: refuse it instead.
        if let reason = report.unscorableReason { throw PipelineError.badInput(path: referencePath, detail: reason) }
        try CheckpointJSON.write(report, to: context.path(CheckpointFile.validation.name))
    }

    func recordedKey(broadcast: String, in catalog: Catalog) throws(PipelineError) -> String? {
        try catalog.validationResults(broadcast: broadcast).first?.key
    }

    func recordFigures(_ context: StageContext, key: String, in catalog: Catalog) throws(PipelineError) {
        let report = try CheckpointJSON.read(ValidationReport.self, from: context.path(CheckpointFile.validation.name))
        try catalog.recordValidation(report.corpus, broadcast: context.broadcastID, key: key)
    }
}
