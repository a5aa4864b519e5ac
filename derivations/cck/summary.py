"""cck summary and structural rows as conjunctions of checked claims (listed last, so that in a serial
run their parts are already checked and cached)."""
from derivations.claims import Claim
from derivations.statements import AllOf

CLAIMS = (
    Claim(
        id="cck.theorem-3.general", label="Theorem 3", section="4", kind="structural",
        latex=r"s=\{(n_i,f_i)\}\text{ dominant under any }M\implies n_i=0\ \forall i\in\mathcal C",
        statement=AllOf(("cck.lemma-5.general", "cck.theorem-3")),
        notes="General form as far as it is concrete: a dominant s_i is a best response to s'_-i = {(0, f'_j)}, "
              "and every deviation with n_i > 0 is strictly beaten by the fabricating strategy (0, f_{i,mu'}) "
              "of the proof of Lemma 5 -- on the kernel-score family of mechanisms (cck.lemma-5.general) and "
              "on M* (cck.theorem-3).",
    ),
    Claim(
        id="cck.theorem-3.proof", label="proof of Theorem 3", section="4.1", kind="structural",
        latex=r"s'_{-i}=\{(0,f'_j)\}_{j\ne i}:\ u_i^c(M,(s_i,s'_{-i}))\ge u_i^c(M,(s'_i,s'_{-i}))\ \forall s'_i"
              r"\Rightarrow\ \text{(Lemma 5) } n_i=0",
        statement=AllOf(("cck.lemma-5.general", "cck.lemma-5.proof")),
        notes="Dominance makes s_i a best response to s'_-i; Lemma 5 (checked with its proof's construction "
              "on the kernel-score family) then forces n_i = 0.",
    ),
    Claim(
        id="cck.claim-6", label="Claim 6", section="4.1", kind="structural",
        latex=r"s\text{ a NE under }M,\ n_j=0\ \forall j\ne i\implies n_i=0",
        statement=AllOf(("cck.lemma-5.general", "cck.theorem-3")),
        notes="In a NE s_i is a best response to s_-i = {(0, f_j)}, so Lemma 5 applies: on the kernel-score "
              "family (cck.lemma-5.general) and on M* (cck.theorem-3: with the other contributor collecting "
              "nothing, contributor i's best response collects nothing).",
    ),
    Claim(
        id="cck.abstract-dsic", label="Abstract line 23", section="Abstract", kind="structural",
        latex=r"\text{no nontrivial dominant-strategy incentive-compatible mechanism exists}",
        statement=AllOf(("cck.lemma-5.general", "cck.theorem-3")),
        notes="The DSIC half of the sentence (Theorem 3); the 'nearly matching upper bound' half is the "
              "erratum cck.abstract-unimprovable.",
    ),
    Claim(
        id="cck.s11-two-suffice", label="§1.1 line 60", section="1.1", kind="structural",
        latex=r"N_1^*=N^+-1,\ N_2^*=1:\ \text{each of the two contributors' best amount is its instructed amount}",
        statement=AllOf(("cck.lemma-9.both", "cck.lemma-9.root", "cck.lemma-9.concave")),
        notes="The concrete content: with f_b, contributor 1's utility is maximal at N+ - 1 points and "
              "contributor 2's at exactly one point (sigma sqrt(d_i/c_i) = N_i*, strict concavity). That the "
              "two-contributor profile is a NE needs B_1 >= 0 (errata cck.lemma-7, cck.theorem-5-1.icc).",
    ),
    Claim(
        id="cck.s21-line111", label="§2.1 line 111", section="2.1", kind="structural",
        latex=r"\{m_j,p_j\}\text{ depend on }\{N_i\}\text{ only through }N^{\mathrm{tot}}=\textstyle\sum_iN_i",
        statement=AllOf(("cck.eq1-opt", "cck.eq2-3-opt", "cck.eq2-rev-opt")),
        notes="The reduction it licenses: OPT of eq. (1) (optimized over allocations and prices for the "
              "total only) equals eq. (3) (rev^OPT of the total minus the cost), with rev^OPT of eq. (2).",
    ),
    Claim(
        id="cck.s32-requirements", label="§3.2 lines 298–303", section="3.2", kind="definition",
        latex=r"\mathrm{IRB},\ \mathrm{EFB},\ \mathrm{IRC},\ \mathrm{ICC},\ \mathrm{BB},\ \epsilon\text{-PO for }(M^*,s^*)",
        statement=AllOf(("cck.eq17-irb", "cck.appA-efb", "cck.appA-bb", "cck.eq9-10", "cck.theorem-5-1.profit")),
        notes="The requirements that hold for M* as defined: IRB (17), EFB, BB for every realization, the "
              "expected price independent of mu (9) = (10), and epsilon-PO with profit >= OPT - (c_2 - c_1). "
              "IRC and ICC need W >= 0 and B_1 >= 0: errata cck.appA-irc.nonneg, cck.theorem-5-1.icc.",
    ),
)
