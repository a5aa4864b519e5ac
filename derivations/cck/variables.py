"""Variables shared by cck's claims, with their domains."""
from fractions import Fraction

from derivations.claims import Given, Var
from derivations.domains import Index, Int, Real, Vector

# §2 instances: |B| <= 3 buyers, search range |B|/c_1 <= 6 (exact brute force stays small)
B = Var("B", Int(1, 3), "number of buyers |B|")
kind = Var("kind", Vector("B", Real(0, 3.999)), "valuation family of buyer j: FAMILIES[floor(kind_j)]")
tau = Var("tau", Vector("B", Real(0.05, 3.0)), "error scale of buyer j's valuation v_j^e")
sigma = Var("sigma", Real(0.25, 2.0), "noise standard deviation sigma")
c1 = Var("c1", Real(1 / 6, 1.0), "cost per point of the cheapest contributor")
c2 = Var("c2", Real(1 / 6, 2.0), "cost per point of the second cheapest contributor")
N = Var("N", Int(1, 3), "total amount of data N^tot")
qraw = Var("qraw", Vector(3, Real(0.0, 1.0)), "pricing curve values q(1), q(2), q(3)")

ORDERED = Given("c_1 <= c_2", lambda o, c1, c2, **_: c1 <= c2)
SMALL = Given("|B|/c_1 <= 6 (size of the brute force)",
              lambda o, tau, c1, **_: len(tau) <= 6 * c1)

# eq. (11)
m_int = Var("m", Int(1, 40), "dataset size m")
m_real = Var("m", Real(1.0, 200.0), "dataset size m (the closed forms extended to real m)")
tau1 = Var("tau", Real(0.05, 3.0), "error scale of v^e")
fam = Var("fam", Index(4), "valuation family (threshold, gaussian, laplace, tent)")

# §5 mechanism (scalars: symbolic proofs)
S = Var("sigma", Real(0.1, 10.0), "noise standard deviation sigma")
C1 = Var("c1", Real(0.01, 1.0), "cost c_1")
C2 = Var("c2", Real(0.01, 2.0), "cost c_2")
NP = Var("Np", Real(2.0, 60.0), "N^+ from Algorithm 1 (N_1* = N^+ - 1, N_2* = 1)")
QJ = Var("q", Real(0.0, 1.0), "expected price q_j^+ of a buyer")
QS = Var("Q", Real(0.0, 5.0), "sum_j q_j^+ (revenue of Algorithm 1)")
BN = Var("Bn", Real(1.0, 10.0), "number of buyers |B|")
DV = Var("D", Real(-5.0, 5.0), "discrepancy mu_hat(Y_1) - mu_hat(Y_2)")
NI = Var("n", Real(0.05, 200.0), "amount n_i collected by a deviating contributor")
NINT = Var("n", Int(1, 12), "points collected by contributor i")
NMINT = Var("Nm", Int(1, 12), "points N_-i* submitted by the other contributor")
MU = Var("mu", Real(-3.0, 3.0), "true mean mu")
BOFF = Var("b", Real(-2.0, 2.0), "bias of the misreported sample mean (f_a shifts mu_hat by b)")
ORDERED_S = Given("c_1 <= c_2", lambda o, c1, c2, **_: c1 <= c2)
NPI = Var("Np", Int(2, 40), "N^+ (integer)")
BNI = Var("Bn", Int(1, 5), "number of buyers |B| (integer)")

# §5.1 / App. A-B equilibrium
FAMV = Var("fam", Int(0, 4), "deviation family (model.DEV_FAMILIES): 0 f_b, 1 shifted, 2 fabricated, "
                             "3 wrong size, 4 wrong size shifted")
C2W = Var("c2", Real(0.01, 4.0), "cost c_2 (up to 4: large enough for W < 0 and B_1 < 0)")
# Algorithm 2 instances: one buyer, cheap data, so that Algorithm 1 often returns N+ >= 2
B1 = Var("B", Int(1, 1), "number of buyers |B| (one: the exact brute force stays small for |B|/c_1 <= 20)")
c1s = Var("c1", Real(0.05, 0.12), "cost per point of the cheapest contributor (cheap: N+ >= 2 is common)")
c2w = Var("c2", Real(0.05, 4.0), "cost per point of the second contributor")
