"""policybot: answers officials' questions with directive passages from district bulletins."""

# OpenMP's wait policy is left to the environment. An earlier version set OMP_WAIT_POLICY=PASSIVE, when
# the lexical search ran on a thread beside the question's embedding and torch's spinning workers stole
# its core; the lexical side now runs in line, and passive waiting only made every small operation of
# the model wake its workers from sleep: a question's embedding took 11.0 ms instead of 6.0, an answer at
# 10,000 passages 14.6 ms instead of 9.4 (docs/performance.md).

__version__ = "0.1.0"
