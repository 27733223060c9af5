import ContentHash
import Foundation
import Testing
import Transcription

@testable import Acoustic

/// Every malformed model file fails with an error that names the file and the problem.
struct ModelFileErrorTests {
    static let tinyModel = ModelParityTests.fixtures.appendingPathComponent("tiny-model.safetensors").path

    private func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// Writes a safetensors file (F32 tensors, checksum recorded) from parts of the tiny model.
    private func write(_ path: String, metadata: [String: String], tensors: [String: SafeTensorsFile.Tensor]) throws {
        var header: [String: Any] = [:]
        var data = Data()
        for name in tensors.keys.sorted() {
            let tensor = tensors[name]!
            let begin = data.count
            tensor.values.withUnsafeBytes { data.append(contentsOf: $0) }
            header[name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [begin, data.count]]
        }
        var metadata = metadata
        metadata["data_sha256"] = SHA256.hex(of: data)
        header["__metadata__"] = metadata
        var json = try JSONSerialization.data(withJSONObject: header)
        while json.count % 8 != 0 { json.append(0x20) }
        var length = UInt64(json.count).littleEndian
        var file = Data(bytes: &length, count: 8)
        file.append(json)
        file.append(data)
        try file.write(to: URL(fileURLWithPath: path))
    }

    private func expectFailure(_ path: String, _ matches: (AcousticModelError) -> Bool) {
        do {
            _ = try AcousticModel(path: path)
            Issue.record("\(path) loaded without error")
        } catch {
            #expect(matches(error), "unexpected error: \(error)")
            #expect(error.description.hasPrefix(path))
        }
    }

    private func tinyParts() throws -> SafeTensorsFile { try SafeTensorsFile(path: Self.tinyModel) }

    /// A path with no file.
    @Test func missingFile() {
        expectFailure("/nonexistent/model.safetensors") { if case .unreadable = $0 { true } else { false } }
    }

    /// A file that is not safetensors at all (audio).
    @Test func wrongKindOfFile() throws {
        let path = try temporaryPath("model.safetensors")
        try Data(repeating: 0x52, count: 100).write(to: URL(fileURLWithPath: path))
        expectFailure(path) { if case .malformed = $0 { true } else { false } }
    }

    /// The model file cut in half.
    @Test func truncatedFile() throws {
        let path = try temporaryPath("cut.safetensors")
        let whole = try Data(contentsOf: URL(fileURLWithPath: Self.tinyModel))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        expectFailure(path) { error in
            switch error {
            case .malformed, .checksumMismatch: true;
            default: false
            }
        }
    }

    /// One flipped byte in the weights is caught by the checksum.
    @Test func corruptWeights() throws {
        let path = try temporaryPath("flipped.safetensors")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: Self.tinyModel))
        bytes[bytes.count - 10] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        expectFailure(path) { if case .checksumMismatch = $0 { true } else { false } }
    }

    /// A tensor the architecture needs is missing.
    @Test func missingTensor() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("missing.safetensors")
        var tensors = parts.tensors
        tensors["blocks.1.attn.k.weight"] = nil
        try write(path, metadata: parts.metadata, tensors: tensors)
        expectFailure(path) { $0 == .missingTensor(path: path, name: "blocks.1.attn.k.weight") }
    }

    /// A tensor has the wrong shape.
    @Test func wrongShape() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("shape.safetensors")
        var tensors = parts.tensors
        let original = try #require(tensors["blocks.0.ff1.linear1.bias"])
        tensors["blocks.0.ff1.linear1.bias"] = .init(
            shape: [original.shape[0] - 1], values: Array(original.values.dropLast()))
        try write(path, metadata: parts.metadata, tensors: tensors)
        expectFailure(path) { if case .wrongShape(_, "blocks.0.ff1.linear1.bias", _, _) = $0 { true } else { false } }
    }

    /// The configuration's vocabulary does not match the output layer.
    @Test func vocabularyMismatch() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("vocab.safetensors")
        var config = try #require(
            try JSONSerialization.jsonObject(with: Data(parts.metadata["config"]!.utf8)) as? [String: Any])
        config["vocab"] = (config["vocab"] as! [String]) + ["추가"]
        var metadata = parts.metadata
        metadata["config"] = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        try write(path, metadata: metadata, tensors: parts.tensors)
        expectFailure(path) { if case .wrongShape(_, "output.weight", _, _) = $0 { true } else { false } }
    }

    /// A model of another input width (40 mel bins) loads, but the front end computes 80: the transcriber and
    /// the posteriors stream refuse it when built, naming n_mels, instead of failing at the first utterance.
    @Test func otherMelBinCountIsRefusedAtLoad() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("mels40.safetensors")
        let json = try JSONSerialization.jsonObject(with: Data(try #require(parts.metadata["config"]).utf8))
        var config = try #require(json as? [String: Any])
        config["n_mels"] = 40
        var metadata = parts.metadata
        metadata["config"] = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        var tensors = parts.tensors
        for name in ["feat_mean", "feat_std"] {
            tensors[name] = .init(shape: [40], values: Array(try #require(tensors[name]).values.prefix(40)))
        }
        // The projection after subsampling reads channels × 9 frequency bins for 40 mels (19 for 80).
        let projection = try #require(tensors["subsampling.linear.weight"])
        let (rows, columns) = (projection.shape[0], projection.shape[1])
        let narrower = columns / 19 * 9
        tensors["subsampling.linear.weight"] = .init(
            shape: [rows, narrower],
            values: (0..<rows).flatMap { row in
                projection.values[(row * columns)..<(row * columns + narrower)]
            })
        try write(path, metadata: metadata, tensors: tensors)
        let model = try AcousticModel(path: path)
        #expect(model.configuration.melBins == 40)
        for build in [{ _ = try Transcriber(model: model) }, { _ = try PosteriorsStream(model: model) }] {
            #expect {
                try build()
            } throws: { error in
                guard case .badConfiguration(path, let detail) = error as? AcousticModelError else { return false }
                return detail.contains("n_mels 40") && detail.contains("80")
            }
        }
    }

    /// A recalibrated configuration (an emission delay and a spotting threshold added) is read, keeps the
    /// weights digest and changes the model's digest, so cached transcripts timed by the old clock, and
    /// mentions spotted at the old threshold, are not reused.
    @Test func recalibratedConfigurationIsAnotherModel() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("calibrated.safetensors")
        var config = try #require(
            try JSONSerialization.jsonObject(with: Data(parts.metadata["config"]!.utf8)) as? [String: Any])
        config["emission_delay"] = 0.068
        config["spotting_threshold"] = -0.6
        var metadata = parts.metadata
        metadata["config"] = String(decoding: try JSONSerialization.data(withJSONObject: config), as: UTF8.self)
        try write(path, metadata: metadata, tensors: parts.tensors)
        let original = try AcousticModel(path: Self.tinyModel)
        let calibrated = try AcousticModel(path: path)
        #expect(original.configuration.emissionDelay == nil)
        #expect(calibrated.configuration.emissionDelay == 0.068)
        #expect(original.configuration.spottingThreshold == nil)
        #expect(calibrated.configuration.spottingThreshold == -0.6)
        #expect(calibrated.weightsDigest == original.weightsDigest)
        #expect(calibrated.digest != original.digest)
        #expect(try AcousticModel.recordedDigest(path: path) == calibrated.digest)
    }

    /// A safetensors file that is not a LiveInsight model.
    @Test func foreignSafetensors() throws {
        let parts = try tinyParts()
        let path = try temporaryPath("foreign.safetensors")
        try write(path, metadata: ["format": "pt"], tensors: parts.tensors)
        expectFailure(path) { if case .unsupportedFormat = $0 { true } else { false } }
    }

    /// Half-precision values convert exactly, subnormals and specials included.
    @Test func halfPrecisionConversion() {
        #expect(halfToFloat(0x3c00) == 1)
        #expect(halfToFloat(0xc000) == -2)
        #expect(halfToFloat(0x7bff) == 65_504)
        #expect(halfToFloat(0x0001) == Float(sign: .plus, exponent: -24, significand: 1))
        #expect(halfToFloat(0x7c00) == .infinity)
        #expect(halfToFloat(0x7e00).isNaN)
        #expect(halfToFloat(0x8000) == 0 && halfToFloat(0x8000).sign == .minus)
    }
}
