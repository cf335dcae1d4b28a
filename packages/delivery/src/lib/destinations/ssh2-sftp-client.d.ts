// The parts of ssh2-sftp-client 12 that Pressroom uses (the package ships no types).
declare module 'ssh2-sftp-client' {
  interface ConnectOptions {
    host: string
    port?: number
    username: string
    privateKey?: Buffer | string
    readyTimeout?: number
    retries?: number
  }
  export default class SftpClient {
    constructor(name?: string)
    connect(options: ConnectOptions): Promise<unknown>
    mkdir(remotePath: string, recursive?: boolean): Promise<string>
    put(source: string | Buffer, remotePath: string): Promise<string>
    posixRename(from: string, to: string): Promise<string>
    delete(remotePath: string, notFoundOK?: boolean): Promise<string>
    exists(remotePath: string): Promise<false | 'd' | '-' | 'l'>
    end(): Promise<boolean>
  }
}
