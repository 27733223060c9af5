"""Give a trained run a jamo output layer in place of its syllable one, keeping the encoder.

  python3 -m liveinsight_train.change_output_units --checkpoint RUN/ckpt/latest.pt --out NEW_RUN

Why: in run small-s1 the syllable output learnt the generator's phrases faster than the sounds. At about
step 22,700 the jamo CTC head on block 4 (`model.JamoCTCHead`), composed into syllables, scored 62 % CER on
synthetic word-list sentences against 85 % for the syllable output on block 8, and 56 % against 84 % on
the demo broadcast, where the syllable output wrote familiar phrases that were not said (Training/README.md,
"Decisions").

What: the output layer becomes `units.Vocab.jamo_units()` (69 tokens: blank, <unk>, word boundary,
18 sounding onsets, 21 vowels, 27 codas, as conjoining jamo). Rows of tokens the old layer also has keep
their weights (blank, <unk> and the boundary from syllables; every jamo but one from the first, 70-unit jamo
layer); the others start fresh. The jamo output table goes (it has nothing to add to jamo units);
everything else, the jamo CTC head included, keeps its weights and its optimiser state. Written to NEW_RUN:
ckpt/latest.pt, vocab.json (the jamo units) and a log.tsv line. Resume it with train.py --out NEW_RUN.
"""
import argparse
import dataclasses
import os

import torch

from . import checkpoint_surgery as surgery
from . import units


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True, help="a train.py checkpoint (ckpt/latest.pt)")
    ap.add_argument("--out", required=True, help="the new run's folder (must not hold a checkpoint yet)")
    ap.add_argument("--seed", type=int, default=1, help="seeds the new output layer")
    args = ap.parse_args()

    ck, cfg = surgery.load(args.checkpoint)
    old = surgery.model_like(ck, cfg)
    vocab = units.Vocab.jamo_units()
    new_cfg = dataclasses.replace(cfg, vocab=vocab.tokens)
    torch.manual_seed(args.seed)
    new = surgery.model_like(ck, new_cfg, jamo_output=False)
    kept = {k: v for k, v in ck["model"].items() if not k.startswith(("output.", "jamo_output."))}
    missing, unexpected = new.load_state_dict(kept, strict=False)
    assert not unexpected and sorted(missing) == ["output.bias", "output.weight"], (missing, unexpected)
    old_rows = {token: i for i, token in enumerate(cfg.vocab)}
    with torch.no_grad():
        for i, token in enumerate(vocab.tokens):
            if token in old_rows:
                new.output.weight[i] = ck["model"]["output.weight"][old_rows[token]]
                new.output.bias[i] = ck["model"]["output.bias"][old_rows[token]]
    surgery.write_run(ck, old, ("output.", "jamo_output."), new.state_dict(), new_cfg, vocab.tokens, args.out,
                      f"jamo output units in place of the syllables of {os.path.abspath(args.checkpoint)}")


if __name__ == "__main__":
    main()
