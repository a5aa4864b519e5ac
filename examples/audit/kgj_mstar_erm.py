"""A registered claim as the reference: kgj Theorem I / eq. (4), the optimal contribution m* for
the erm family, against its numpy closed form.  No `domain`: the claim's Real variables are
sampled over their declared ranges (log-uniform where the claim says so); the claim's Given side
conditions, if any, become constraints."""
from derivations.kgj import values

reference = "kgj.thm1-eq4-optimal.erm"


def implementation(c, a, k):
    return values.optimal_contribution("erm", c, a, k)
