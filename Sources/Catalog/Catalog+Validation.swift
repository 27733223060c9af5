import Checkpoints
import Foundation
import Validation

extension Catalog {
    /// Stores the corpus figures of broadcast `broadcast`'s validation, made under the validation stage's
    /// cache key `key`, replacing the ones it had.
    public func recordValidation(
        _ corpus: CorpusSummary, broadcast: String, key: String, now: Date = Date()
    ) throws(PipelineError) {
        let record = ValidationResultRecord(
            broadcastId: broadcast, key: key, cer: corpus.cer, wer: corpus.wer,
            sentenceErrorRate: corpus.sentenceErrorRate,
            items: corpus.items,
            characters: corpus.characters.referenceLength, charactersSubstitutions: corpus.characters.substitutions,
            charactersDeletions: corpus.characters.deletions, charactersInsertions: corpus.characters.insertions,
            words: corpus.words.referenceLength, wordsSubstitutions: corpus.words.substitutions,
            wordsDeletions: corpus.words.deletions, wordsInsertions: corpus.words.insertions, validated: now)
        try write { db in try db.execute(ValidationResultRecord.upsert(), record.values) }
    }

    /// The validation figures of every validated broadcast, or of one.
    public func validationResults(broadcast: String? = nil) throws(PipelineError) -> [ValidationResultRecord] {
        try read { db in try ValidationResultRecord.all(in: db, broadcast: broadcast, order: "broadcast_id") }
    }
}
