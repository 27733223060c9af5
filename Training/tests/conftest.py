"""Paths the tests share. The recipe's package is imported as `liveinsight_train` (pyproject.toml puts
Training/ on the test path)."""
import os

import pytest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(TRAINING, "fixtures")
REPO = os.path.dirname(TRAINING)


@pytest.fixture
def fixtures():
    return FIXTURES


@pytest.fixture
def repo():
    return REPO
