// npm run mailbox: a mail server on 127.0.0.1:1025 for trying email locally. It accepts every message
// and prints its recipient, subject, text and links, so "remind 6.3" can be followed to the web form:
//   terminal 1: npm run mailbox
//   terminal 2: SMTP_URL=smtp://127.0.0.1:1025 TODAY=2016-04-08 npm start
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.MAILBOX_PORT ?? 1025);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        console.log(`\n──── to ${to}: ${mail.subject ?? ''}\n${mail.text ?? ''}`);
        callback();
      })
      .catch(callback);
  },
});
server.listen(port, '127.0.0.1', () => console.log(`mailbox listening on smtp://127.0.0.1:${port}`));
