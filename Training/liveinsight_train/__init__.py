"""The training recipe of LiveInsight's Korean CTC acoustic model, its language model and its calibrations.

Run a module as `python3 -m liveinsight_train.<module>` with Training/ on the import path (`pip install -e Training`,
or PYTHONPATH=Training as the recipe scripts set it). Paths it reads and writes: `paths`.
"""
