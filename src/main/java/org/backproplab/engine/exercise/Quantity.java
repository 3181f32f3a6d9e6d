package org.backproplab.engine.exercise;

/**
 * One number of an iteration that a student can be asked to compute.
 *
 * @param kind  which quantity
 * @param layer the weight layer {@code l} it belongs to (1..L); the output layer for {@link Kind#LOSS}
 * @param from  for a weight: the neuron {@code i} of layer {@code l − 1}; −1 otherwise (a neuron's number or its bias)
 * @param to    the neuron {@code j} of layer {@code l} (the output neuron for {@link Kind#LOSS}; the bias's neuron)
 */
public record Quantity(Kind kind, int layer, int from, int to) {

    /** The quantities of an iteration, with the symbol of their answer field and how they are written. */
    public enum Kind {
        /** {@code z_j = Σ_i a_i·W_ij + b_j} of the sample on show. */
        Z("z", "z"),
        /** {@code a_j = f(z_j)} of the sample on show. */
        A("a", "a"),
        /** The sample's loss {@code ℓ = Σ_outputs ℓ(ŷ, y)}. */
        LOSS("loss", "ℓ"),
        /** {@code δ_j = ∂L/∂z_j} of the sample on show. */
        DELTA("delta", "δ"),
        /** {@code ∂L/∂W_ij}, summed over the samples of the batch as the engine does. */
        DLDW("dLdw", "∂L/∂w"),
        /** {@code ΔW_ij = μ·ΔW_prev − η·∂L/∂W_ij}. */
        DW("dw", "Δw"),
        /** {@code W_ij + ΔW_ij}, the weight after the update. */
        NEW_W("w", "new w"),
        /** {@code ∂L/∂b_j = Σ_k δ_j}, summed over the samples of the batch as the engine does (the bias's input is 1). */
        DLDB("dLdb", "∂L/∂b"),
        /** {@code b_j + Δb_j} with {@code Δb_j = μ·Δb_prev − η·∂L/∂b_j}, the bias after the update. */
        NEW_B("b", "new b");

        private final String id;
        private final String symbol;

        Kind(String id, String symbol) {
            this.id = id;
            this.symbol = symbol;
        }

        /** @return the symbol in answer-field ids, e.g. {@code delta} */
        public String id() {
            return id;
        }

        /** @return the symbol shown to people, e.g. {@code δ} */
        public String symbol() {
            return symbol;
        }

        /** @return true for a quantity of one weight (it has a {@code from} neuron) */
        public boolean onEdge() {
            return this == DLDW || this == DW || this == NEW_W;
        }
    }

    /** How neurons are called on screen: {@code x1}, {@code h2}, {@code ŷ}. */
    @FunctionalInterface
    public interface Names {
        /** @return the name of neuron {@code j} of layer {@code l} (0 = the inputs) */
        String neuron(int l, int j);
    }

    public static Quantity z(int l, int j) {
        return new Quantity(Kind.Z, l, -1, j);
    }

    public static Quantity a(int l, int j) {
        return new Quantity(Kind.A, l, -1, j);
    }

    public static Quantity loss(int outputLayer) {
        return new Quantity(Kind.LOSS, outputLayer, -1, 0);
    }

    public static Quantity delta(int l, int j) {
        return new Quantity(Kind.DELTA, l, -1, j);
    }

    public static Quantity dLdw(int l, int i, int j) {
        return new Quantity(Kind.DLDW, l, i, j);
    }

    public static Quantity dw(int l, int i, int j) {
        return new Quantity(Kind.DW, l, i, j);
    }

    public static Quantity newW(int l, int i, int j) {
        return new Quantity(Kind.NEW_W, l, i, j);
    }

    public static Quantity dLdb(int l, int j) {
        return new Quantity(Kind.DLDB, l, -1, j);
    }

    public static Quantity newB(int l, int j) {
        return new Quantity(Kind.NEW_B, l, -1, j);
    }

    /**
     * @return the id of the answer field: the kind and the neuron or edge names, e.g. {@code delta-h1},
     *         {@code dLdw-x1-h1}, {@code dLdb-h1}, {@code b-h1}, {@code loss}; {@code ŷ} is written {@code yhat} and a dot {@code _} so that the
     *         id is a plain CSS identifier
     */
    public String symbol(Names names) {
        if (kind == Kind.LOSS) {
            return kind.id();
        }
        String target = idPart(names.neuron(layer, to));
        return kind.onEdge() ? kind.id() + "-" + idPart(names.neuron(layer - 1, from)) + "-" + target
                : kind.id() + "-" + target;
    }

    /** @return how people read it, e.g. {@code δ h1}, {@code ∂L/∂w x1→h1}, {@code ∂L/∂b h1}, {@code ℓ} */
    public String label(Names names) {
        if (kind == Kind.LOSS) {
            return kind.symbol();
        }
        String target = names.neuron(layer, to);
        return kind.onEdge() ? kind.symbol() + " " + names.neuron(layer - 1, from) + "→" + target
                : kind.symbol() + " " + target;
    }

    private static String idPart(String name) {
        return name.replace("ŷ", "yhat").replace('.', '_').replace(' ', '_');
    }
}
