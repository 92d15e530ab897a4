package io.couponflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

class ProblemHandlerTest {
  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void aClientThatStoppedReadingGetsNoAnswerAndNoErrorLog() {
    var gone = new UncheckedIOException(new IOException(new AsyncRequestNotUsableException("Broken pipe")));

    assertThat(ProblemHandler.clientWentAway(gone)).isTrue();
    assertThat(handler.unexpected(gone)).isNull();
  }

  @Test
  void anyOtherFailureIsAnInternalErrorProblem() {
    var failure = new IllegalStateException("boom");

    assertThat(ProblemHandler.clientWentAway(failure)).isFalse();
    var answer = handler.unexpected(failure);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody().getTitle()).isNotBlank();
  }
}
