package io.inferscale.core.routing.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTest {

    @Test
    void aLinearNetworkIsADotProductPlusBias() {
        Mlp m = new Mlp(List.of(3, 1), new double[] {1, -2, 0.5, /* bias */ 10});
        assertThat(m.score(new double[] {1, 1, 2})).isEqualTo(1 - 2 + 1 + 10);
    }

    @Test
    void hiddenLayersUseRelu() {
        // Two hidden units: h0 = relu(x), h1 = relu(-x); out = h0 + h1 = |x|.
        Mlp abs = new Mlp(List.of(1, 2, 1), new double[] {1, -1, 0, 0, 1, 1, 0});
        assertThat(abs.score(new double[] {3})).isEqualTo(3);
        assertThat(abs.score(new double[] {-4})).isEqualTo(4);
    }

    @Test
    void layersAreRowMajorOutTimesIn() {
        // 2 inputs -> 2 hidden (rows: [1,0] and [0,3], biases 0,1) -> out = h0 - h1.
        Mlp m = new Mlp(List.of(2, 2, 1), new double[] {1, 0, 0, 3, 0, 1, 1, -1, 0});
        assertThat(m.score(new double[] {5, 2})).isCloseTo(5 - 7, within(1e-12));
    }

    @Test
    void refusesShapesThatDoNotFit() {
        assertThatThrownBy(() -> new Mlp(List.of(2, 1), new double[] {1, 2}))
                .hasMessageContaining("expected 3 values");
        assertThatThrownBy(() -> new Mlp(List.of(2, 2), new double[6]))
                .hasMessageContaining("output layer must be 1");
        assertThatThrownBy(() -> new Mlp(List.of(1, 1), new double[] {Double.NaN, 0}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new Mlp(List.of(2, 1), new double[3]).score(new double[1]))
                .hasMessageContaining("expected 2 values");
    }
}
