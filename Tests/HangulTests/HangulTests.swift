import Testing
@testable import Hangul
