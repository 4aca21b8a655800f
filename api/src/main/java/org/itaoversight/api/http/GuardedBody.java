package org.itaoversight.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a resource method that reads a request body, who may send it and how large it may be: the
 * {@link RequestBodyGuard} refuses anyone else (403) and anything larger (413) before the body is read.
 * Every method that reads a body carries it (a test checks).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GuardedBody {

    BodyAccess access();

    BodyKind kind() default BodyKind.JSON;
}
