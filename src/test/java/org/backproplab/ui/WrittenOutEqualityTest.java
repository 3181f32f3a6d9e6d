package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.backproplab.engine.BatchMode;
import org.backproplab.engine.Regularization;
import org.backproplab.session.RunTarget;
import org.backproplab.ui.boundary.NeuronThumbnails;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (the generated ones are linked at their first call, during the
 * window's start) compare as the generated ones did: by every component, read from the record itself (so a component
 * added later and left out of equals fails here), doubles by {@link Double#compare} (0 and −0 differ, NaN equals
 * NaN), equal ones hashing alike; a neuron maps' result is equal to itself only.
 */
class WrittenOutEqualityTest {
    @Test
    void eachWrittenOutRecordIsEqualWhenEveryComponentIs() throws Exception {
        Class<?> look = Class.forName("org.backproplab.ui.graph.EdgePainter$Look");
        List<Record> samples = List.of(new UiState.NeuronRef(1, 2), new UiState.EdgeRef(1, -1, 3), RunTarget.epochs(5),
                BatchMode.miniBatch(32), Regularization.l2(0.5), make(look, Color.ORANGE, 2.5, true));
        for (Record r : samples) {
            assertEqualityFollowsEveryComponent(r);
        }
    }

    @Test
    void aNeuronMapsResultIsEqualToItselfOnly() {
        NeuronThumbnails.Result a = new NeuronThumbnails.Result(1, null, Map.of(), Map.of());
        assertEquals(a, a);
        assertNotEquals(a, new NeuronThumbnails.Result(1, null, Map.of(), Map.of()),
                "another computation, even of equal maps");
    }

    private static void assertEqualityFollowsEveryComponent(Record sample) throws Exception {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            components[i].getAccessor().setAccessible(true);
            values[i] = components[i].getAccessor().invoke(sample);
        }
        String name = sample.getClass().getSimpleName();
        Record copy = make(sample.getClass(), values);
        assertEquals(sample, copy, name + ": a copy of every component");
        assertEquals(sample.hashCode(), copy.hashCode(), name + ": equal ones hash alike");
        for (int i = 0; i < components.length; i++) {
            Object[] changed = values.clone();
            changed[i] = other(values[i]);
            assertNotEquals(sample, make(sample.getClass(), changed), name + "." + components[i].getName() + " differs");
            if (values[i] instanceof Double) {
                Object[] zero = values.clone();
                Object[] minusZero = values.clone();
                Object[] nan = values.clone();
                zero[i] = 0.0;
                minusZero[i] = -0.0;
                nan[i] = Double.NaN;
                assertNotEquals(make(sample.getClass(), zero), make(sample.getClass(), minusZero), name + ": 0 and −0");
                if (!name.equals("Regularization")) { // its λ must be a number
                    assertEquals(make(sample.getClass(), nan), make(sample.getClass(), nan.clone()), name + ": NaN");
                }
            }
        }
    }

    /** @return a value of the same type as {@code v} that is not equal to it */
    private static Object other(Object v) {
        if (v instanceof Integer n) {
            return n + 1;
        } else if (v instanceof Long n) {
            return n + 1;
        } else if (v instanceof Double d) {
            return d + 1;
        } else if (v instanceof Boolean b) {
            return !b;
        } else if (v instanceof Enum<?> e) {
            return Arrays.stream(e.getDeclaringClass().getEnumConstants()).filter(c -> c != e).findFirst().orElseThrow();
        } else if (v instanceof Color c) {
            return c.invert();
        }
        return fail("no other value for a component of type " + v.getClass().getName() + ": add one here");
    }

    private static Record make(Class<?> type, Object... values) throws Exception {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return (Record) c.newInstance(values);
    }
}
