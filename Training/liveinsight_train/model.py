"""Conformer-CTC acoustic model. The Swift engine implements exactly this; see MODEL_FORMAT.md.

Shapes: input (B, T, 80) log-mel -> output (B, T', V) log-probabilities, T' = ((T - 1) // 2 - 1) // 2.
Output frame j is computed from input frames 4j .. 4j + 6 by the subsampling convolutions (receptive field
of the two 3x3 stride-2 convs), then mixed with every other frame by self-attention.
"""
import json
import unicodedata
from dataclasses import asdict, dataclass, field

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class ModelConfig:
    n_mels: int = 80
    d_model: int = 144
    n_layers: int = 8
    n_heads: int = 4
    ff_mult: int = 4
    conv_kernel: int = 15
    subsampling_channels: int = 144
    subsampling_factor: int = 4
    rope_base: float = 10000.0
    layer_norm_eps: float = 1e-5
    batch_norm_eps: float = 1e-5
    dropout: float = 0.1
    vocab: list = field(default_factory=list)

    @property
    def vocab_size(self):
        return len(self.vocab)

    @property
    def sub_freq(self):
        return ((self.n_mels - 1) // 2 - 1) // 2  # 80 -> 19

    def to_json(self):
        d = asdict(self)
        d.pop("dropout")
        return json.dumps(d, ensure_ascii=False)


CONFIGS = {
    "small": dict(d_model=144, n_layers=8, n_heads=4, conv_kernel=15, subsampling_channels=64),
    # The GPU recipe's larger model (gpu_recipe.sh): 7.5 M parameters, a 15 MB file, about twice the small
    # model's compute.
    "medium": dict(d_model=176, n_layers=10, n_heads=4, conv_kernel=15, subsampling_channels=64),
    "tiny": dict(d_model=32, n_layers=2, n_heads=2, conv_kernel=5, subsampling_channels=8),
}


def subsampled_length(t):
    """Frames after the two 3x3 stride-2 unpadded convs (works on ints and tensors)."""
    return ((t - 1) // 2 - 1) // 2


def rope_tables(t, head_dim, base, device=None, dtype=torch.float32):
    """cos/sin tables (t, head_dim/2): angle[p, i] = p * base^(-2i/head_dim)."""
    inv = base ** (-torch.arange(0, head_dim // 2, dtype=torch.float64, device=device) * 2.0 / head_dim)
    ang = torch.arange(t, dtype=torch.float64, device=device)[:, None] * inv[None, :]
    return ang.cos().to(dtype), ang.sin().to(dtype)


def apply_rope(x, cos, sin):
    """"Rotate half" RoPE: pairs (x[i], x[i + h/2]) for i < h/2 are rotated by angle[p, i].

    x: (B, H, T, h). out[..., :h/2] = x1 cos - x2 sin; out[..., h/2:] = x2 cos + x1 sin.
    """
    h2 = x.shape[-1] // 2
    x1, x2 = x[..., :h2], x[..., h2:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


class FeedForward(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)
        self.linear1 = nn.Linear(c.d_model, c.ff_mult * c.d_model)
        self.linear2 = nn.Linear(c.ff_mult * c.d_model, c.d_model)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x):
        return self.dropout(self.linear2(self.dropout(F.silu(self.linear1(self.norm(x))))))


class SelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.h = c.n_heads
        self.dk = c.d_model // c.n_heads
        self.base = c.rope_base
        self.norm = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)
        self.q = nn.Linear(c.d_model, c.d_model)
        self.k = nn.Linear(c.d_model, c.d_model)
        self.v = nn.Linear(c.d_model, c.d_model)
        self.out = nn.Linear(c.d_model, c.d_model)
        self.dropout = nn.Dropout(c.dropout)
        self.p = c.dropout

    def forward(self, x, key_padding=None):
        B, T, D = x.shape
        y = self.norm(x)
        q = self.q(y).view(B, T, self.h, self.dk).transpose(1, 2)
        k = self.k(y).view(B, T, self.h, self.dk).transpose(1, 2)
        v = self.v(y).view(B, T, self.h, self.dk).transpose(1, 2)
        cos, sin = rope_tables(T, self.dk, self.base, x.device, x.dtype)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        mask = None
        if key_padding is not None:  # (B, T) True = padding
            mask = (~key_padding)[:, None, None, :]
        o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=self.p if self.training else 0.0)
        o = o.transpose(1, 2).reshape(B, T, D)
        return self.dropout(self.out(o))


class ConvModule(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)
        self.pointwise1 = nn.Conv1d(c.d_model, 2 * c.d_model, 1)
        self.depthwise = nn.Conv1d(c.d_model, c.d_model, c.conv_kernel, padding=c.conv_kernel // 2,
                                   groups=c.d_model)
        self.batch_norm = nn.BatchNorm1d(c.d_model, eps=c.batch_norm_eps)
        self.pointwise2 = nn.Conv1d(c.d_model, c.d_model, 1)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x, key_padding=None):
        y = self.norm(x).transpose(1, 2)  # (B, D, T)
        y = F.glu(self.pointwise1(y), dim=1)  # first half * sigmoid(second half)
        if key_padding is not None:
            y = y.masked_fill(key_padding[:, None, :], 0.0)
        y = F.silu(self.batch_norm(self.depthwise(y)))
        y = self.pointwise2(y)
        return self.dropout(y.transpose(1, 2))


class ConformerBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.ff1 = FeedForward(c)
        self.attn = SelfAttention(c)
        self.conv = ConvModule(c)
        self.ff2 = FeedForward(c)
        self.norm = nn.LayerNorm(c.d_model, eps=c.layer_norm_eps)

    def forward(self, x, key_padding=None):
        x = x + 0.5 * self.ff1(x)
        x = x + self.attn(x, key_padding)
        x = x + self.conv(x, key_padding)
        x = x + 0.5 * self.ff2(x)
        return self.norm(x)


class Subsampling(nn.Module):
    def __init__(self, c):
        super().__init__()
        C = c.subsampling_channels
        self.conv1 = nn.Conv2d(1, C, 3, stride=2)
        self.conv2 = nn.Conv2d(C, C, 3, stride=2)
        self.linear = nn.Linear(C * c.sub_freq, c.d_model)

    def forward(self, x):  # (B, T, 80)
        y = F.relu(self.conv1(x[:, None]))  # (B, C, T1, 39)
        y = F.relu(self.conv2(y))  # (B, C, T2, 19)
        B, C, T, Fq = y.shape
        return self.linear(y.transpose(1, 2).reshape(B, T, C * Fq))  # flatten index = c * 19 + f


HANGUL_FIRST, ONSETS, VOWELS, CODAS = 0xAC00, 19, 21, 28  # codas include "none"


def hangul_parts(vocab):
    """(V, 3) rows of JamoOutput's table for each token: onset, ONSETS + vowel, ONSETS + VOWELS + coda;
    -1 for tokens that are not Hangul syllables (blank, unk, word boundary)."""
    parts = torch.full((len(vocab), 3), -1, dtype=torch.long)
    for i, token in enumerate(vocab):
        code = ord(token[0]) - HANGUL_FIRST if len(token) == 1 else -1
        if 0 <= code < ONSETS * VOWELS * CODAS:
            parts[i] = torch.tensor([code // (VOWELS * CODAS), ONSETS + code // CODAS % VOWELS,
                                     ONSETS + VOWELS + code % CODAS])
    return parts


class JamoOutput(nn.Module):
    """A training-time addition to the output layer: every syllable's logit also gets its onset's, vowel's
    and coda's rows of one small table, so what the model learns about a jamo from common syllables reaches
    the rare ones that share it (most of the 2,350 syllables are rare in the training text). It is linear in
    the encoder output like the layer it adds to, so export folds it in (`ConformerCTC.exportable_state_dict`)
    and the weights file and the engine do not change."""

    def __init__(self, c: ModelConfig):
        super().__init__()
        self.register_buffer("parts", hangul_parts(c.vocab), persistent=False)
        self.weight = nn.Parameter(torch.zeros(ONSETS + VOWELS + CODAS, c.d_model))
        self.bias = nn.Parameter(torch.zeros(ONSETS + VOWELS + CODAS))

    @staticmethod
    def fold(weight, bias, parts):
        """The (V, d) weight and (V,) bias a table (weight, bias) adds to the output layer."""
        used = (parts >= 0).to(weight.dtype)
        rows = parts.clamp(min=0)
        return (weight[rows] * used[..., None]).sum(1), (bias[rows] * used).sum(1)

    def folded(self):
        return self.fold(self.weight, self.bias, self.parts)

    def forward(self, x):
        weight, bias = self.folded()
        return F.linear(x, weight, bias)


JAMO_BLANK, JAMO_SPACE = 0, 1
JAMO_UNITS = 2 + (ONSETS - 1) + VOWELS + (CODAS - 1)  # blank, word boundary, onsets but silent ㅇ, vowels, codas
SILENT_ONSET = 11  # ㅇ


def jamo_unit(jamo):
    """The `JamoCTCHead` unit of one conjoining jamo (U+1100..U+11FF), or None for the silent onset ㅇ and
    anything else."""
    code = ord(jamo)
    if 0x1100 <= code < 0x1100 + ONSETS:
        onset = code - 0x1100
        return None if onset == SILENT_ONSET else 2 + onset - (onset > SILENT_ONSET)
    if 0x1161 <= code < 0x1161 + VOWELS:
        return 2 + (ONSETS - 1) + code - 0x1161
    if 0x11A8 <= code < 0x11A8 + CODAS - 1:
        return 2 + (ONSETS - 1) + VOWELS + code - 0x11A8
    return None


def jamo_sequences(vocab):
    """For each token (a syllable or a conjoining jamo), its units in the intermediate jamo CTC
    (`JamoCTCHead`): its sounding onset, vowel and coda (the silent onset ㅇ gives none), [JAMO_SPACE] for the
    word boundary and [] for blank and <unk>. Onsets and codas are separate units, so 안녕 is ㄴ(coda)
    ㄴ(onset), not a repeat."""
    out = []
    for token in vocab:
        if token == "\u2581":
            out.append([JAMO_SPACE])
            continue
        hangul = len(token) == 1 and ("\uac00" <= token <= "\ud7a3" or "\u1100" <= token <= "\u11ff")
        units = (jamo_unit(j) for j in (unicodedata.normalize("NFD", token) if hangul else ""))
        out.append([u for u in units if u is not None])
    return out


class JamoCTCHead(nn.Module):
    """A training-time second CTC output, over jamo, read from the middle of the encoder (intermediate
    CTC). It gives the lower blocks a dense signal about what they hear: 68 units, each with many examples,
    whatever units the output on top uses (2,350 syllables or the same jamo). It is not
    part of the exported model: export drops it and the engine never sees it. Zero-initialised, so it adds
    no gradient to the encoder until it has learnt something."""

    def __init__(self, c: ModelConfig, layer: int):
        super().__init__()
        self.layer = layer
        self.sequences = jamo_sequences(c.vocab)
        self.linear = nn.Linear(c.d_model, JAMO_UNITS)
        nn.init.zeros_(self.linear.weight)
        nn.init.zeros_(self.linear.bias)

    def targets(self, token_ids):
        """The jamo unit sequence of one syllable-token target."""
        return [u for t in token_ids for u in self.sequences[t]]

    def forward(self, x):
        return F.log_softmax(self.linear(x), dim=-1)


TRAINING_ONLY_PREFIXES = ("jamo_output.", "jamo_ctc.")


class ConformerCTC(nn.Module):
    def __init__(self, c: ModelConfig, jamo_output=False, jamo_ctc_layer=0):
        super().__init__()
        self.config = c
        self.register_buffer("feat_mean", torch.zeros(c.n_mels))
        self.register_buffer("feat_std", torch.ones(c.n_mels))
        self.subsampling = Subsampling(c)
        self.dropout = nn.Dropout(c.dropout)
        self.blocks = nn.ModuleList([ConformerBlock(c) for _ in range(c.n_layers)])
        self.output = nn.Linear(c.d_model, c.vocab_size)
        self.jamo_output = JamoOutput(c) if jamo_output else None
        self.jamo_ctc = JamoCTCHead(c, jamo_ctc_layer) if jamo_ctc_layer else None
        self.jamo_log_probs = None  # set by forward() while training with a jamo CTC head

    def forward(self, feats, lengths=None):
        """feats (B, T, 80) raw log-mel; lengths (B,) valid frames. Returns (log_probs (B, T', V), lengths').

        With a `JamoCTCHead`, a training-mode forward also leaves its (B, T', JAMO_UNITS) log-probabilities in
        `self.jamo_log_probs`."""
        x = (feats - self.feat_mean) / self.feat_std
        x = self.dropout(self.subsampling(x))
        T = x.shape[1]
        key_padding = None
        if lengths is None:
            out_len = torch.full((x.shape[0],), T, dtype=torch.long, device=x.device)
        else:
            out_len = subsampled_length(lengths).clamp(min=0, max=T)
            if bool((out_len < T).any()):
                key_padding = torch.arange(T, device=x.device)[None, :] >= out_len[:, None]
        self.jamo_log_probs = None
        for i, blk in enumerate(self.blocks, 1):
            x = blk(x, key_padding)
            if self.jamo_ctc is not None and self.training and i == self.jamo_ctc.layer:
                self.jamo_log_probs = self.jamo_ctc(x)
        logits = self.output(x)
        if self.jamo_output is not None:
            logits = logits + self.jamo_output(x)
        return F.log_softmax(logits, dim=-1), out_len

    def exportable_state_dict(self):
        """The state dict the weights file holds: training-only parts folded into the output layer."""
        return fold_jamo_output({k: v.detach() for k, v in self.state_dict().items()}, self.config.vocab)


class Ensemble(nn.Module):
    """Models of one vocabulary run side by side: per frame, the mean of their log-probabilities, renormalised
    (a product of experts). Frame counts agree because every member subsamples alike. `config` is the first
    member's: the calibration an ensemble file records is the ensemble's own (MODEL_FORMAT.md section 5)."""

    def __init__(self, members):
        super().__init__()
        assert len(members) >= 2 and all(m.config.vocab == members[0].config.vocab for m in members), \
            "an ensemble needs two or more models of one vocabulary"
        self.members = nn.ModuleList(members)
        self.config = members[0].config

    def forward(self, feats, lengths=None):
        outputs = [m(feats, lengths) for m in self.members]
        mean = torch.stack([lp for lp, _ in outputs]).mean(0)
        return F.log_softmax(mean, dim=-1), outputs[0][1]


def own_model(model):
    """The model a file holds in its own weights: an ensemble's first member, a single model itself."""
    return model.members[0] if isinstance(model, Ensemble) else model


def fold_jamo_output(state_dict, vocab):
    """`state_dict` without its training-only parts: the JamoOutput table (if any) folded into
    `output.weight`/`output.bias`, the jamo CTC head dropped. The plain model it gives computes the same
    syllable log-probabilities."""
    sd = {k: v for k, v in state_dict.items() if not k.startswith(TRAINING_ONLY_PREFIXES)}
    if "jamo_output.weight" in state_dict:
        weight, bias = JamoOutput.fold(state_dict["jamo_output.weight"], state_dict["jamo_output.bias"],
                                       hangul_parts(vocab))
        sd["output.weight"] = sd["output.weight"] + weight
        sd["output.bias"] = sd["output.bias"] + bias
    return sd


def build_model(name_or_cfg, vocab, jamo_output=False, jamo_ctc_layer=0, **overrides):
    if isinstance(name_or_cfg, ModelConfig):
        return ConformerCTC(name_or_cfg, jamo_output, jamo_ctc_layer)
    kw = dict(CONFIGS[name_or_cfg])
    kw.update(overrides)
    return ConformerCTC(ModelConfig(vocab=list(vocab), **kw), jamo_output, jamo_ctc_layer)


def count_params(m):
    return sum(p.numel() for p in m.parameters())


if __name__ == "__main__":
    import time

    torch.set_num_threads(1)
    for name in ("tiny", "small"):
        m = build_model(name, ["<blank>", "<unk>", "\u2581"] + [chr(0xAC00 + i) for i in range(2400)])
        print(name, count_params(m), "params")
        x = torch.randn(4, 800, 80)
        t0 = time.time()
        lp, ol = m(x, torch.tensor([800, 700, 600, 500]))
        lp.sum().backward()
        print(lp.shape, ol.tolist(), f"fwd+bwd 4x8s {time.time() - t0:.2f}s")
