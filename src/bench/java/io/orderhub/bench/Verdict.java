package io.orderhub.bench;

/** A target of the benchmark and whether a measured value meets it. */
record Verdict(boolean pass, String target) {

    static Verdict atLeast(double value, double min, String target) {
        return new Verdict(value >= min, target);
    }

    @Override
    public String toString() {
        return (pass ? "PASS" : "MISS") + " (" + target + ")";
    }
}
