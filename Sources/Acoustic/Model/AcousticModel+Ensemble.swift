import Foundation

/// An ensemble: models of one vocabulary whose log-probabilities are averaged frame by frame, then renormalised
/// (a product of experts). Different architectures err in different places, so together they hear better than
/// either; the first file records the ensemble's calibration (`Training/MODEL_FORMAT.md` section 5).
extension AcousticModel {
    /// Per frame, the mean of `parts`' log-probabilities, renormalised. Every part has the same frames and
    /// units: models of one vocabulary subsample alike.
    static func ensembleMean(_ parts: [Posteriors]) -> Posteriors {
        let first = parts[0]
        var values = first.values
        for part in parts.dropFirst() {
            precondition(part.frames == first.frames && part.vocabularySize == first.vocabularySize)
            for index in values.indices { values[index] += part.values[index] }
        }
        let scale = 1 / Float(parts.count)
        values.withUnsafeMutableBufferPointer { rows in
            for index in rows.indices { rows[index] *= scale }
            Elementwise.logSoftmaxRows(rows.baseAddress!, rows: first.frames, width: first.vocabularySize)
        }
        return Posteriors(frames: first.frames, vocabularySize: first.vocabularySize, values: values)
    }

    /// Loads the members `configuration` lists from beside `path`, each checked against the digest it is listed
    /// with and against the first model's input and units.
    static func ensembleMembers(
        of path: String, configuration: ModelConfiguration, threads: Int
    ) throws(AcousticModelError) -> [AcousticModel] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try (configuration.ensemble ?? []).map { listed throws(AcousticModelError) in
            func refuse(_ problem: String) -> AcousticModelError {
                .ensembleMember(path: path, member: listed.file, problem: problem)
            }
            let member: AcousticModel
            do throws(AcousticModelError) {
                member = try AcousticModel(path: folder.appendingPathComponent(listed.file).path, threads: threads)
            } catch {
                throw refuse(error.description)
            }
            if member.weightsDigest != listed.weightsDigest {
                throw refuse(
                    "its weights are \(member.weightsDigest.prefix(12))…, the ensemble was calibrated with "
                        + "\(listed.weightsDigest.prefix(12))…")
            }
            if !member.ensembleMembers.isEmpty { throw refuse("it is an ensemble itself") }
            if member.configuration.vocabulary != configuration.vocabulary {
                throw refuse("its units differ from the first model's")
            }
            if member.configuration.melBins != configuration.melBins {
                throw refuse(
                    "it reads \(member.configuration.melBins) mel bins, the first model \(configuration.melBins)")
            }
            return member
        }
    }
}
