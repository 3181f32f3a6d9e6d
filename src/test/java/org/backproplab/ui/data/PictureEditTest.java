package org.backproplab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.backproplab.data.Presets;
import org.backproplab.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** A pixel typed in the values columns also changes the row's picture. */
class PictureEditTest {
    @Test
    void anEditedPixelIsInThePicture() throws Exception {
        try (TrainingSession session = new TrainingSession(Presets.get("digits"))) {
            session.sync().get(30, TimeUnit.SECONDS);
            DataTableViewModel model = new DataTableViewModel(session);
            model.update(session.latest());
            double before = model.rows().get(0).inputVectorProperty().get()[5];
            double typed = before == 7 ? 3 : 7;
            assertEquals(true, model.commitInput(0, 5, Double.toString(typed)));
            session.sync().get(30, TimeUnit.SECONDS);
            model.update(session.latest());
            assertEquals(typed, session.latest().scenario().dataset().input(0, 5), 0.0, "the session took the edit");
            assertEquals(typed, model.rows().get(0).inputVectorProperty().get()[5], 0.0, "the picture shows the edit");
        }
    }
}
