// The transcriber returns `Transcript`s: importing Transcription brings the transcript types with it.
@_exported import Transcripts
