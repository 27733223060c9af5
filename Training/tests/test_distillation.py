"""The distillation loss the GPU recipe's larger model learns from the shipped one with (train.py --teacher)."""
import torch

from liveinsight_train.train import distillation_loss


def log_probs(logits):
    return torch.log_softmax(torch.tensor(logits, dtype=torch.float32), -1)


def test_distillation_loss_is_zero_only_where_the_student_agrees():
    teacher = log_probs([[[2.0, 0.0, -1.0], [0.0, 3.0, 0.0]]])
    assert distillation_loss(teacher, teacher, torch.tensor([2])).item() < 1e-7
    student = log_probs([[[0.0, 0.0, 0.0], [0.0, 3.0, 0.0]]])
    first_frame = (teacher[0, 0].exp() * (teacher[0, 0] - student[0, 0])).sum().item()
    assert abs(distillation_loss(student, teacher, torch.tensor([2])).item() - first_frame / 2) < 1e-6


def test_padding_frames_do_not_count():
    teacher = log_probs([[[2.0, 0.0], [0.0, 2.0]], [[2.0, 0.0], [5.0, -5.0]]])
    student = log_probs([[[2.0, 0.0], [0.0, 2.0]], [[2.0, 0.0], [-5.0, 5.0]]])
    # the second utterance's second frame disagrees, but it is padding (length 1)
    assert distillation_loss(student, teacher, torch.tensor([2, 1])).item() < 1e-7
    assert distillation_loss(student, teacher, torch.tensor([2, 2])).item() > 1.0
