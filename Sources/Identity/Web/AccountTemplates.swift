/// Sign-up, sign-in and the email-link pages.
enum AccountTemplates {
    static let signUp = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Create your account</h1>
          <form class="stack" method="post" action="/signup" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>Name
              <input name="displayName" autocomplete="name" required maxlength="100" value="{{form.displayName}}">
              {{#fields.displayName}}<span class="field-error">Name {{fields.displayName}}.</span>{{/fields.displayName}}
            </label>
            <label>Email
              <input name="email" type="email" autocomplete="email" required value="{{form.email}}">
              {{#fields.email}}<span class="field-error">Email {{fields.email}}.</span>{{/fields.email}}
            </label>
            <label>Password <small>At least 10 characters.</small>
              <input name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="128">
              {{#fields.password}}<span class="field-error">Password {{fields.password}}.</span>{{/fields.password}}
            </label>
            <button type="submit">Sign up</button>
          </form>
          <p class="muted">Already have an account? <a href="/signin">Sign in</a>.</p>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let signIn = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Sign in</h1>
          <form class="stack" method="post" action="/signin">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="next" value="{{next}}">
            <label>Email
              <input name="email" type="email" autocomplete="username" required value="{{form.email}}">
            </label>
            <label>Password
              <input name="password" type="password" autocomplete="current-password" required>
            </label>
            <button type="submit">Sign in</button>
          </form>
          <p class="muted"><a href="/reset-password">Forgot your password?</a> · New here? <a href="/signup">Create an account</a>.</p>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let verifyEmail = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Confirm your email</h1>
          {{#token}}
          <form class="stack" method="post" action="/verify-email">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="token" value="{{token}}">
            <button type="submit">Confirm my email address</button>
          </form>
          {{/token}}
          {{^token}}<p><a href="/">Continue to Lyceum</a></p>{{/token}}
        </div>
        {{/content}}
        {{/layout}}
        """

    static let resetRequest = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Reset your password</h1>
          <p class="muted">Enter your email and we will send you a link to choose a new password.</p>
          <form class="stack" method="post" action="/reset-password">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>Email <input name="email" type="email" autocomplete="email" required></label>
            <button type="submit">Send the link</button>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let resetConfirm = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Choose a new password</h1>
          <form class="stack" method="post" action="/reset-password/confirm">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="token" value="{{token}}">
            <label>New password <small>At least 10 characters.</small>
              <input name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="128">
              {{#fields.password}}<span class="field-error">Password {{fields.password}}.</span>{{/fields.password}}
            </label>
            <button type="submit">Save the new password</button>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """
}
