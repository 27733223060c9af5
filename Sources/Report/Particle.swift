import Hangul

/// Korean particles chosen by the final consonant: the Hangul target's, under the name the pages use.
typealias Particle = Hangul.Particle
