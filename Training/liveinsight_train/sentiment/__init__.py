"""The review sentiment model's recipe: features, data preparation, training, the `.lisent` export (README.md)."""
