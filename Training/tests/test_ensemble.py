"""Ensemble files (MODEL_FORMAT.md section 5): made by `export --ensemble-with`, loaded as `Ensemble`, refused when a
member is not the one the file names."""
import json
import os
import shutil

import pytest
import torch

from liveinsight_train import export
from liveinsight_train.model import Ensemble


def features(fixtures):
    arrays, _ = export.read_safetensors(os.path.join(fixtures, "tiny-fixture.safetensors"))
    return torch.tensor(arrays["features"])[None]


def test_the_committed_ensemble_is_the_renormalised_mean_of_its_members(fixtures):
    ensemble = export.load_model(os.path.join(fixtures, "tiny-ensemble.safetensors"))
    assert isinstance(ensemble, Ensemble) and len(ensemble.members) == 2
    x = features(fixtures)
    with torch.no_grad():
        got, _ = ensemble(x)
        a, _ = export.load_model(os.path.join(fixtures, "tiny-model.safetensors"))(x)
        b, _ = export.load_model(os.path.join(fixtures, "tiny-model-b.safetensors"))(x)
    # renormalised: log Σ exp over the units is 0, and the mean's ranking of units is kept
    mean = (a + b) / 2
    assert torch.allclose(torch.logsumexp(got, -1), torch.zeros(got.shape[:2]), atol=1e-5)
    assert torch.allclose(got - got[..., :1], mean - mean[..., :1], atol=1e-5)
    assert not torch.allclose(got, a, atol=1e-2)


def test_making_an_ensemble_lists_the_member_and_drops_the_first_models_calibration(fixtures, tmp_path):
    first = str(tmp_path / "first.safetensors")
    shutil.copyfile(os.path.join(fixtures, "tiny-model.safetensors"), first)
    export.record_calibration(first, emission_delay=0.07, lm_weight=0.6)
    out = str(tmp_path / "ensemble.safetensors")
    export.make_ensemble(first, [os.path.join(fixtures, "tiny-model-b.safetensors")], out)
    _, meta = export.read_safetensors(out)
    config = json.loads(meta["config"])
    _, member = export.read_safetensors(str(tmp_path / "tiny-model-b.safetensors"))  # copied beside it
    assert config["ensemble"] == [{"file": "tiny-model-b.safetensors", "data_sha256": member["data_sha256"]}]
    assert "emission_delay" not in config and "lm_weight" not in config
    assert isinstance(export.load_model(out), Ensemble)


def test_another_model_under_the_members_name_is_refused(fixtures, tmp_path):
    shutil.copyfile(os.path.join(fixtures, "tiny-ensemble.safetensors"), tmp_path / "tiny-ensemble.safetensors")
    shutil.copyfile(os.path.join(fixtures, "tiny-model.safetensors"), tmp_path / "tiny-model-b.safetensors")
    with pytest.raises(ValueError, match="other weights"):
        export.load_model(str(tmp_path / "tiny-ensemble.safetensors"))


def test_a_copied_ensemble_takes_its_member_along(fixtures, tmp_path):
    copy = str(tmp_path / "copy.safetensors")
    export.copy_model(os.path.join(fixtures, "tiny-ensemble.safetensors"), copy)
    assert os.path.exists(tmp_path / "tiny-model-b.safetensors")
    assert isinstance(export.load_model(copy), Ensemble)
