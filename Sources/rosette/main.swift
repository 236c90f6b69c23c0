import CLI

RosetteCommand.main()
