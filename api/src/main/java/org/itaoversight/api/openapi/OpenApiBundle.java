package org.itaoversight.api.openapi;

import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.itaoversight.api.FeatureBundle;
import org.itaoversight.api.Platform;

/** The API's description, {@code /api/v1/openapi.json}, of every resource the other features registered. */
public final class OpenApiBundle implements FeatureBundle {

    @Override
    public void run(Platform platform, Environment environment) {
        var config = environment.jersey().getResourceConfig();
        environment.jersey().register(new OpenApiResource(() -> Stream.concat(config.getClasses().stream(),
                        config.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .collect(Collectors.toSet())));
    }
}
