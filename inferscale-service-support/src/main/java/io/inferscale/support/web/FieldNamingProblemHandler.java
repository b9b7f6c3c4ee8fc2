package io.inferscale.support.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Spring already answers with problem+json; this makes the 400s useful by naming the fields that
 * were wrong in {@code detail} and listing them in an {@code errors} extension member.
 */
@RestControllerAdvice
public class FieldNamingProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Map<String, String>> errors =
                ex.getBindingResult().getFieldErrors().stream()
                        .map(
                                e ->
                                        Map.of(
                                                "field",
                                                e.getField(),
                                                "message",
                                                String.valueOf(e.getDefaultMessage())))
                        .toList();
        return badRequest(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<Map<String, String>> errors =
                ex.getParameterValidationResults().stream()
                        .flatMap(
                                r ->
                                        r.getResolvableErrors().stream()
                                                .map(
                                                        e ->
                                                                Map.of(
                                                                        "field",
                                                                        r.getMethodParameter()
                                                                                                .getParameterName()
                                                                                        == null
                                                                                ? "parameter"
                                                                                : r.getMethodParameter()
                                                                                        .getParameterName(),
                                                                        "message",
                                                                        String.valueOf(
                                                                                e
                                                                                        .getDefaultMessage()))))
                        .toList();
        return badRequest(errors, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = null;
        String message = "request body is not valid JSON for this endpoint";
        if (ex.getCause() instanceof JacksonException json) {
            field =
                    json.getPath().stream()
                            .map(
                                    r ->
                                            r.getPropertyName() != null
                                                    ? r.getPropertyName()
                                                    : "[" + r.getIndex() + "]")
                            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                            .orElse(null);
            message =
                    field == null
                            ? "request body is not valid JSON: " + json.getOriginalMessage()
                            : json.getOriginalMessage();
        }
        List<Map<String, String>> errors =
                List.of(
                        field == null
                                ? Map.of("message", message)
                                : Map.of("field", field, "message", message));
        return badRequest(errors, ex, headers, request);
    }

    /**
     * Domain code signals a bad argument with IllegalArgumentException; that is the client's error,
     * not ours.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        return handleExceptionInternal(
                ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> badRequest(
            List<Map<String, String>> errors,
            Exception ex,
            HttpHeaders headers,
            WebRequest request) {
        String detail =
                errors.stream()
                        .map(
                                e ->
                                        e.containsKey("field")
                                                ? e.get("field") + ": " + e.get("message")
                                                : e.get("message"))
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("invalid request");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }
}
