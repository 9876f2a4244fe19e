"""policybot: answers officials' questions with directive passages from district bulletins."""

import os

# torch and faiss each bring their own OpenMP runtime; by default their idle threads spin, and on a
# small machine the spinning steals the cores the other needs (the lexical search runs on a thread
# while torch embeds the question). Passive waiting, set before either library loads, made answers
# 15-27% faster on 2 cores with the same batch-encoding speed (see README, Performance).
# An OMP_WAIT_POLICY already in the environment wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
